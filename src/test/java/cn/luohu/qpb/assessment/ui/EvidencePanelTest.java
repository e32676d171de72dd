package cn.luohu.qpb.assessment.ui;

import cn.luohu.qpb.assessment.AssessmentFixtures;
import cn.luohu.qpb.assessment.AssessmentState;
import cn.luohu.qpb.assessment.EvidenceFile;
import cn.luohu.qpb.assessment.EvidenceSamples;
import cn.luohu.qpb.assessment.EvidenceService;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.time.DisplayZone;
import cn.luohu.qpb.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.upload.Upload;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvidencePanelTest extends KaribuTest {

    @Autowired
    private EvidenceService evidence;
    @Autowired
    private DisplayZone zone;
    @Autowired
    private DSLContext dsl;

    private AssessmentFixtures fixtures;
    private String secretary;
    private String reviewer;
    private long assessment;
    private long item;

    @BeforeEach
    void setUp() {
        fixtures = new AssessmentFixtures(dsl);
        long committee = data.committee("佐证界面测试党工委");
        long branch = data.branch(committee, "佐证界面测试支部");
        secretary = data.user(branch, Role.SECRETARY);
        reviewer = data.user(committee, Role.REVIEWER);
        assessment = fixtures.assessment(branch, AssessmentState.DRAFT);
        item = fixtures.item(assessment);
    }

    private EvidencePanel show(boolean editable) {
        EvidencePanel panel = new EvidencePanel(evidence, zone, item, editable);
        UI.getCurrent().add(panel);
        return panel;
    }

    private void upload(String fileName, byte[] content) {
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("evidence-upload-" + item)), fileName, content);
    }

    private String refusals() {
        return _get(Div.class, spec -> spec.withId("evidence-refusal-" + item)).getElement().getTextRecursively();
    }

    private static Anchor link(EvidenceFile file) {
        return _get(Anchor.class, spec -> spec.withId("evidence-download-" + file.id()));
    }

    @Test
    void aSecretaryUploadsSeveralFilesAndSeesThemListedWithSizeAndTime() {
        login(secretary);
        EvidencePanel panel = show(true);
        assertEquals("尚未上传佐证材料",
                _get(Span.class, spec -> spec.withId("evidence-empty-" + item)).getText());
        assertEquals("可上传 PDF、JPG、PNG、DOCX、XLSX 文件，可一次选择多个，每个不超过 20 MB",
                _get(Span.class, spec -> spec.withId("evidence-hint-" + item)).getText());
        List<List<EvidenceFile>> told = new ArrayList<>();
        panel.addFilesChangedListener(told::add);

        upload("会议记录.pdf", EvidenceSamples.pdf());
        upload("../活动照片.jpg", EvidenceSamples.jpeg());
        upload("台账.xlsx", EvidenceSamples.xlsx());

        List<EvidenceFile> files = evidence.list(item);
        assertEquals(List.of("会议记录.pdf", "活动照片.jpg", "台账.xlsx"), files.stream().map(EvidenceFile::fileName).toList());
        assertEquals(3, told.size());
        assertEquals(files, told.getLast());
        _assertNone(Span.class, spec -> spec.withId("evidence-empty-" + item));
        EvidenceFile pdf = files.getFirst();
        assertEquals("会议记录.pdf", link(pdf).getText());
        String when = zone.fromUtc(pdf.uploadedAt()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        String row = _get(HorizontalLayout.class, spec -> spec.withId("evidence-file-" + pdf.id())).getElement()
                .getTextRecursively();
        assertTrue(row.contains(EvidenceSamples.pdf().length + " B，" + when + " 由 测试用户 " + secretary + " 上传"), row);
        // styled to wrap as whole pieces (portal.css), not squeezed to two characters a line
        assertTrue(_get(HorizontalLayout.class, spec -> spec.withId("evidence-file-" + pdf.id())).hasClassName("qpb-evidence-file"));
        _assertNone(Div.class, spec -> spec.withId("evidence-refusal-" + item)); // hidden: nothing to explain
    }

    @Test
    void filesAreDownloadedThroughTheirLinksImagesInANewTab() {
        login(secretary);
        byte[] word = EvidenceSamples.docx();
        EvidenceFile pdf = evidence.upload(item, "会议记录.pdf", EvidenceSamples.pdf());
        EvidenceFile docx = evidence.upload(item, "总结.docx", word);
        EvidenceFile png = evidence.upload(item, "阵地.png", EvidenceSamples.png());
        show(true);
        assertArrayEquals(EvidenceSamples.pdf(), DownloadKt._download(link(pdf)));
        assertArrayEquals(word, DownloadKt._download(link(docx)));
        assertEquals("_blank", link(png).getTarget().orElse(null));
        assertFalse(link(png).isDownload(), "an image opens inline");
        // issue 11, item 6: a PDF may carry /OpenAction JavaScript, which a browser's viewer would run inline
        assertTrue(link(pdf).isDownload(), "a PDF is downloaded, never opened on the portal's address");
        assertTrue(link(pdf).getTarget().isEmpty());
        assertTrue(link(docx).isDownload(), "an Office file is downloaded");
    }

    @Test
    void aLinkToAFileDeletedMeanwhileOpensNothing() {
        login(secretary);
        EvidenceFile file = evidence.upload(item, "会议记录.pdf", EvidenceSamples.pdf());
        show(true);
        evidence.delete(file.id()); // in another tab
        assertEquals(0, DownloadKt._download(link(file)).length, "refused with 404, no bytes");
    }

    @Test
    void refusalsAreShownInChineseNextToTheUploadAndClearedByTheNextBatch() {
        login(secretary);
        show(true);
        upload("通知.pdf", EvidenceSamples.exe());
        assertTrue(refusals().startsWith("文件“通知.pdf”的内容不是 PDF、JPG/PNG 图片、Word（DOCX）或 Excel（XLSX）文件"),
                refusals());
        upload("照片.pdf", EvidenceSamples.png());
        assertEquals("文件“照片.pdf”实际上是PNG 图片，但扩展名是 .pdf。请改正扩展名后重新上传。", refusals());
        upload("空.docx", new byte[0]);
        assertEquals("文件“空.docx”是空的，请选择有内容的文件", refusals());
        assertTrue(evidence.list(item).isEmpty());
        upload("会议记录.pdf", EvidenceSamples.pdf());
        _assertNone(Div.class, spec -> spec.withId("evidence-refusal-" + item)); // hidden: nothing to explain
        assertEquals(1, evidence.list(item).size());
    }

    @Test
    void aFileIsDeletedOnlyAfterConfirmation() {
        login(secretary);
        EvidenceFile file = evidence.upload(item, "会议记录.pdf", EvidenceSamples.pdf());
        show(true);

        _click(_get(Button.class, spec -> spec.withId("evidence-delete-" + file.id())));
        ConfirmDialog dialog = _get(ConfirmDialog.class, spec -> spec.withId("evidence-delete-dialog-" + file.id()));
        assertEquals("确定要删除“会议记录.pdf”吗？删除后无法恢复。", ConfirmDialogKt.getText(dialog));
        ConfirmDialogKt._fireCancel(dialog);
        assertEquals(1, evidence.list(item).size());

        _click(_get(Button.class, spec -> spec.withId("evidence-delete-" + file.id())));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("evidence-delete-dialog-" + file.id())));
        NotificationsKt.expectNotifications("已删除“会议记录.pdf”");
        assertTrue(evidence.list(item).isEmpty());
        _assertNone(Anchor.class, spec -> spec.withId("evidence-download-" + file.id()));
        _get(Span.class, spec -> spec.withId("evidence-empty-" + item));
    }

    @Test
    void aDeleteAfterTheAssessmentWasSubmittedIsRefusedInWords() {
        login(secretary);
        EvidenceFile file = evidence.upload(item, "会议记录.pdf", EvidenceSamples.pdf());
        show(true);
        fixtures.state(assessment, AssessmentState.SUBMITTED); // submitted in another tab meanwhile
        _click(_get(Button.class, spec -> spec.withId("evidence-delete-" + file.id())));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("evidence-delete-dialog-" + file.id())));
        assertEquals("这份自评当前为“已提交”，不能再修改", refusals());
        assertEquals(1, evidence.list(item).size());
        link(file); // still listed
    }

    @Test
    void readOnlyShowsFilesToDownloadButNoUploadOrDelete() {
        login(secretary);
        EvidenceFile file = evidence.upload(item, "活动照片.png", EvidenceSamples.png());
        logout();
        login(reviewer);
        show(false);
        assertArrayEquals(EvidenceSamples.png(), DownloadKt._download(link(file)));
        _assertNone(Upload.class);
        _assertNone(Button.class, spec -> spec.withId("evidence-delete-" + file.id()));
        _assertNone(Div.class, spec -> spec.withId("evidence-refusal-" + item));
        assertEquals(1, _find(Anchor.class, spec -> spec.withId("evidence-download-" + file.id())).size());
    }
}
