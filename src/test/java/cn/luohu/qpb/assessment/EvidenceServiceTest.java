package cn.luohu.qpb.assessment;

import cn.luohu.qpb.base.NotFoundException;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_EVENT;
import static cn.luohu.qpb.jooq.Tables.AUDIT_EVENT;
import static cn.luohu.qpb.jooq.Tables.EVIDENCE_FILE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Evidence files through the service: what is accepted and how it is stored, and who may see, add and
 * delete them. Every test makes its own committees, organisations, users and assessments.
 */
class EvidenceServiceTest extends IntegrationTest {

    @Autowired
    private EvidenceService evidence;
    @Autowired
    private DSLContext dsl;
    @Autowired
    private PlatformTransactionManager transactions;

    private AssessmentFixtures fixtures;
    private long branch;
    private String secretary;
    private String reviewer;
    private String district;
    private String otherSecretary;
    private String otherReviewer;
    private long assessment;
    private long item;

    @BeforeEach
    void setUp() {
        fixtures = new AssessmentFixtures(dsl);
        long committee = data.committee("佐证测试党工委");
        branch = data.branch(committee, "佐证测试支部");
        secretary = data.user(branch, Role.SECRETARY);
        reviewer = data.user(committee, Role.REVIEWER);
        district = data.user(data.districtId(), Role.APPROVER);
        long otherCommittee = data.committee("另一个党工委");
        long otherBranch = data.branch(otherCommittee, "另一个支部");
        otherSecretary = data.user(otherBranch, Role.SECRETARY);
        otherReviewer = data.user(otherCommittee, Role.REVIEWER);
        fixtures.assessment(otherBranch, AssessmentState.DRAFT); // the outsiders have assessments of their own
        assessment = fixtures.assessment(branch, AssessmentState.DRAFT);
        item = fixtures.item(assessment);
    }

    @Test
    void eachAcceptedTypeIsStoredWithItsDetectedTypeSizeAndHash() {
        actAs(secretary);
        Map<String, byte[]> files = Map.of(
                "会议记录.pdf", EvidenceSamples.pdf(),
                "活动照片.jpg", EvidenceSamples.jpeg(),
                "活动照片2.jpeg", EvidenceSamples.jpeg(),
                "阵地.png", EvidenceSamples.png(),
                "总结.docx", EvidenceSamples.docx(),
                "台账.xlsx", EvidenceSamples.xlsx());
        Map<String, EvidenceType> types = Map.of("会议记录.pdf", EvidenceType.PDF, "活动照片.jpg", EvidenceType.JPEG,
                "活动照片2.jpeg", EvidenceType.JPEG, "阵地.png", EvidenceType.PNG, "总结.docx", EvidenceType.DOCX,
                "台账.xlsx", EvidenceType.XLSX);
        files.forEach((name, content) -> {
            EvidenceFile stored = evidence.upload(item, name, content);
            assertEquals(name, stored.fileName());
            assertEquals(types.get(name), stored.type());
            assertEquals(content.length, stored.sizeBytes());
            assertEquals(EvidenceChecks.sha256(content), stored.sha256());
            assertEquals(assessment, stored.assessmentId());
            assertEquals(item, stored.itemId());
            var row = dsl.selectFrom(EVIDENCE_FILE).where(EVIDENCE_FILE.ID.eq(stored.id())).fetchSingle();
            assertEquals(types.get(name).contentType(), row.getContentType());
            assertEquals(EvidenceChecks.sha256(row.getContent()), row.getSha256(), "the hash is of the stored bytes");
            assertArrayEquals(content, evidence.download(stored.id()).content());
        });
        assertEquals(6, evidence.list(item).size());
        assertEquals(6, evidence.listForAssessment(assessment).size());
    }

    @Test
    void severalFilesPerIndicatorAndEachIndicatorItsOwn() {
        long otherItem = fixtures.item(assessment);
        actAs(secretary);
        EvidenceFile first = evidence.upload(item, "一.pdf", EvidenceSamples.pdf());
        EvidenceFile second = evidence.upload(item, "二.pdf", EvidenceSamples.pdf());
        EvidenceFile third = evidence.upload(otherItem, "三.png", EvidenceSamples.png());
        assertEquals(List.of(first.id(), second.id()), evidence.list(item).stream().map(EvidenceFile::id).toList());
        assertEquals(List.of(third.id()), evidence.list(otherItem).stream().map(EvidenceFile::id).toList());
        assertEquals(3, evidence.listForAssessment(assessment).size());
        assertEquals(first.sha256(), second.sha256(), "the same bytes twice are two files with one hash");
        assertTrue(first.uploadedBy().startsWith("测试用户"), first.uploadedBy());
    }

    @Test
    void aFirstFileStartsTheAssessmentLikeAFirstEntry() {
        long notStarted = fixtures.assessment(branch, AssessmentState.NOT_STARTED);
        long notStartedItem = fixtures.item(notStarted);
        actAs(secretary);
        evidence.upload(notStartedItem, "会议记录.pdf", EvidenceSamples.pdf());
        evidence.upload(notStartedItem, "照片.png", EvidenceSamples.png());
        assertEquals("DRAFT", dsl.select(ASSESSMENT.STATE).from(ASSESSMENT).where(ASSESSMENT.ID.eq(notStarted)).fetchSingle().value1());
        var moves = dsl.selectFrom(ASSESSMENT_EVENT).where(ASSESSMENT_EVENT.ASSESSMENT_ID.eq(notStarted)).fetch();
        assertEquals(1, moves.size(), "started once");
        assertEquals("NOT_STARTED", moves.getFirst().getFromState());
        assertEquals("DRAFT", moves.getFirst().getToState());
        assertEquals(data.userId(secretary), moves.getFirst().getActorId());
    }

    @Test
    void anExecutableRenamedToAnAcceptedNameIsRefused() {
        actAs(secretary);
        assertRefused("evidence.error.unrecognised", () -> evidence.upload(item, "通知.pdf", EvidenceSamples.exe()));
        assertRefused("evidence.error.unrecognised", () -> evidence.upload(item, "通知.docx", EvidenceSamples.exe()));
        assertRefused("evidence.error.extension", () -> evidence.upload(item, "setup.exe", EvidenceSamples.exe()));
        assertTrue(evidence.list(item).isEmpty());
    }

    @Test
    void aFileWhoseContentDisagreesWithItsNameIsRefusedSayingWhatItIs() {
        actAs(secretary);
        PortalException refusal = assertRefused("evidence.error.mismatch",
                () -> evidence.upload(item, "照片.pdf", EvidenceSamples.png()));
        assertEquals(new PortalException.Key("evidence.type.PNG"), refusal.arguments()[1]);
        assertRefused("evidence.error.mismatch", () -> evidence.upload(item, "表.docx", EvidenceSamples.xlsx()));
        assertTrue(evidence.list(item).isEmpty());
    }

    @Test
    void emptyAndOversizedFilesAreRefused() {
        actAs(secretary);
        assertRefused("evidence.error.empty", () -> evidence.upload(item, "空.pdf", new byte[0]));
        assertRefused("evidence.error.empty", () -> evidence.upload(item, "空.pdf", null));
        long limit = evidence.maxBytes();
        assertEquals(20L * 1024 * 1024, limit, "20 MB unless configured");
        PortalException tooLarge = assertRefused("evidence.error.too-large",
                () -> evidence.upload(item, "大.pdf", EvidenceSamples.pdfOfSize((int) limit + 1)));
        assertEquals("20", tooLarge.arguments()[1]);
        assertTrue(evidence.list(item).isEmpty());
    }

    @Test
    void aFileOfExactlyTheLimitIsStoredWhole() {
        actAs(secretary);
        byte[] largest = EvidenceSamples.pdfOfSize((int) evidence.maxBytes());
        EvidenceFile stored = evidence.upload(item, "扫描件.pdf", largest);
        assertEquals(largest.length, stored.sizeBytes());
        assertEquals(EvidenceChecks.sha256(largest), EvidenceChecks.sha256(evidence.download(stored.id()).content()));
        evidence.delete(stored.id());
    }

    @Test
    void namesThatTryPathTraversalAreStoredSanitised() {
        actAs(secretary);
        assertEquals("passwd.pdf", evidence.upload(item, "../../etc/passwd.pdf", EvidenceSamples.pdf()).fileName());
        assertEquals("x.pdf", evidence.upload(item, "..\\..\\x.pdf", EvidenceSamples.pdf()).fileName());
        assertEquals("a.pdf", evidence.upload(item, "C:\\evil\\a.pdf", EvidenceSamples.pdf()).fileName());
        assertEquals("file.pdf", evidence.upload(item, "../.pdf", EvidenceSamples.pdf()).fileName());
        assertEquals(List.of("passwd.pdf", "x.pdf", "a.pdf", "file.pdf"),
                dsl.select(EVIDENCE_FILE.FILE_NAME).from(EVIDENCE_FILE).where(EVIDENCE_FILE.ITEM_ID.eq(item))
                        .orderBy(EVIDENCE_FILE.ID).fetch(EVIDENCE_FILE.FILE_NAME));
    }

    /**
     * On a cluster the upload's lock holds only on its node, and its new row is not the assessment's: each upload
     * and deletion writes the assessment's guard, so a submission on another node conflicts with it. The
     * assessment's version, which the open form holds, stays as it is.
     */
    @Test
    void uploadsAndDeletesWriteTheAssessmentsGuardNotItsVersion() {
        actAs(secretary);
        var before = dsl.select(ASSESSMENT.GUARD_SEQ, ASSESSMENT.ROW_VERSION).from(ASSESSMENT).where(ASSESSMENT.ID.eq(assessment)).fetchSingle();
        EvidenceFile file = evidence.upload(item, "记录.pdf", EvidenceSamples.pdf());
        evidence.delete(file.id());
        var after = dsl.select(ASSESSMENT.GUARD_SEQ, ASSESSMENT.ROW_VERSION).from(ASSESSMENT).where(ASSESSMENT.ID.eq(assessment)).fetchSingle();
        assertEquals(before.value1() + 2, after.value1());
        assertEquals(before.value2(), after.value2());
    }

    @Test
    void uploadsAndDeletesAreAuditEvents() {
        actAs(secretary);
        EvidenceFile file = evidence.upload(item, "记录.pdf", EvidenceSamples.pdf());
        evidence.delete(file.id());
        var events = dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ENTITY_TYPE.eq(EvidenceService.ENTITY))
                .and(AUDIT_EVENT.ENTITY_ID.eq(String.valueOf(file.id()))).orderBy(AUDIT_EVENT.ID).fetch();
        assertEquals(List.of("EVIDENCE_UPLOADED", "EVIDENCE_DELETED"), events.map(e -> e.getAction()));
        assertEquals(secretary, events.get(0).getActor());
        assertTrue(events.get(0).getAfterJson().contains(file.sha256()), events.get(0).getAfterJson());
        assertTrue(events.get(1).getBeforeJson().contains("记录.pdf"), events.get(1).getBeforeJson());
    }

    @Test
    void theCommitteesReviewerAndDistrictStaffMayListAndDownload() {
        actAs(secretary);
        EvidenceFile file = evidence.upload(item, "记录.pdf", EvidenceSamples.pdf());
        for (String user : List.of(reviewer, district, secretary)) {
            actAs(user);
            assertEquals(List.of(file.id()), evidence.list(item).stream().map(EvidenceFile::id).toList(), user);
            assertEquals(1, evidence.listForAssessment(assessment).size(), user);
            EvidenceContent content = evidence.download(file.id());
            assertEquals("记录.pdf", content.fileName());
            assertEquals("application/pdf", content.contentType());
            assertArrayEquals(EvidenceSamples.pdf(), content.content());
        }
    }

    @Test
    void anotherOrganisationsFilesAreRefusedLikeMissingOnes() {
        actAs(secretary);
        EvidenceFile file = evidence.upload(item, "记录.pdf", EvidenceSamples.pdf());
        long missingFile = Long.MAX_VALUE;
        for (String outsider : List.of(otherSecretary, otherReviewer)) {
            actAs(outsider);
            assertSameRefusal(() -> evidence.download(file.id()), () -> evidence.download(missingFile));
            assertSameRefusal(() -> evidence.list(item), () -> evidence.list(Long.MAX_VALUE));
            assertSameRefusal(() -> evidence.listForAssessment(assessment),
                    () -> evidence.listForAssessment(Long.MAX_VALUE));
            assertSameRefusal(() -> evidence.delete(file.id()), () -> evidence.delete(missingFile));
            assertSameRefusal(() -> evidence.upload(item, "x.pdf", EvidenceSamples.pdf()),
                    () -> evidence.upload(Long.MAX_VALUE, "x.pdf", EvidenceSamples.pdf()));
        }
        actAs(secretary);
        assertEquals(1, evidence.list(item).size(), "nothing was added or removed by the outsiders");
    }

    @Test
    void onlyTheOrganisationsSecretaryMayUploadOrDelete() {
        actAs(secretary);
        EvidenceFile file = evidence.upload(item, "记录.pdf", EvidenceSamples.pdf());
        for (String user : List.of(reviewer, district, data.user(branch, Role.REVIEWER))) {
            actAs(user);
            assertThrows(NotFoundException.class, () -> evidence.upload(item, "y.pdf", EvidenceSamples.pdf()), user);
            assertThrows(NotFoundException.class, () -> evidence.delete(file.id()), user);
        }
        actAs(secretary);
        assertEquals(1, evidence.list(item).size());
    }

    @Test
    void onceSubmittedNothingMayBeAddedOrDeletedButAllMayStillBeRead() {
        actAs(secretary);
        EvidenceFile file = evidence.upload(item, "记录.pdf", EvidenceSamples.pdf());
        for (AssessmentState state : AssessmentState.values()) {
            fixtures.state(assessment, state);
            if (state.isEditableBySecretary()) {
                continue;
            }
            PortalException refusal = assertRefused("assessment.error.not-editable", () -> evidence.delete(file.id()));
            assertEquals(new PortalException.Key("assessment.state." + state.name()), refusal.arguments()[0]);
            assertRefused("assessment.error.not-editable", () -> evidence.upload(item, "y.pdf", EvidenceSamples.pdf()));
            assertArrayEquals(EvidenceSamples.pdf(), evidence.download(file.id()).content());
        }
        fixtures.state(assessment, AssessmentState.RETURNED); // returned: she may change her evidence again
        evidence.delete(file.id());
        assertTrue(evidence.list(item).isEmpty());
    }

    @Test
    void anUploadDuringASubmissionWaitsForItAndIsThenRefused() throws Exception {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        CountDownLatch submitted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> submission = threads.submit(() -> transaction.executeWithoutResult(status -> {
                fixtures.state(assessment, AssessmentState.SUBMITTED); // not committed yet
                submitted.countDown();
                await(commit);
            }));
            assertTrue(submitted.await(10, TimeUnit.SECONDS));
            Future<PortalException> upload = threads.submit(() -> {
                data.authenticate(secretary);
                try {
                    evidence.upload(item, "迟到.pdf", EvidenceSamples.pdf());
                    return null;
                } catch (PortalException refusal) {
                    return refusal;
                } finally {
                    SecurityContextHolder.clearContext();
                }
            });
            assertThrows(TimeoutException.class, () -> upload.get(500, TimeUnit.MILLISECONDS), "the upload waits");
            commit.countDown();
            submission.get(10, TimeUnit.SECONDS);
            PortalException refusal = upload.get(10, TimeUnit.SECONDS);
            assertEquals("assessment.error.not-editable", refusal == null ? "stored" : refusal.messageKey());
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
        assertEquals(0, dsl.fetchCount(EVIDENCE_FILE, EVIDENCE_FILE.ITEM_ID.eq(item)));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void nobodyLoggedInGetsNothing() {
        assertThrows(AuthenticationCredentialsNotFoundException.class, () -> evidence.list(item));
    }

    private static PortalException assertRefused(String key, Executable call) {
        PortalException refusal = assertThrows(PortalException.class, call);
        assertEquals(key, refusal.messageKey());
        return refusal;
    }

    /** Both calls fail the same way: same exception class, same message. */
    private static void assertSameRefusal(Executable outsideScope, Executable missing) {
        PortalException outside = assertThrows(PortalException.class, outsideScope);
        PortalException absent = assertThrows(PortalException.class, missing);
        assertEquals(absent.getClass(), outside.getClass());
        assertEquals(absent.messageKey(), outside.messageKey());
        assertFalse(outside.getMessage().contains("记录"));
    }
}
