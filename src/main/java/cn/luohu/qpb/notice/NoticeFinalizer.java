package cn.luohu.qpb.notice;

import cn.luohu.qpb.assessment.AssessmentMoves;
import cn.luohu.qpb.assessment.AssessmentState;
import cn.luohu.qpb.assessment.StateMachine;
import cn.luohu.qpb.audit.AuditAction;
import cn.luohu.qpb.audit.AuditService;
import cn.luohu.qpb.base.db.RetriedTransactions;
import cn.luohu.qpb.base.time.DisplayZone;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes results FINAL when their notice period has ended with no open objection (DOMAIN.md "Final"):
 * the organisation's star changes and a history row records promotion, demotion or no change. Runs on
 * a schedule and on demand. Exactly once even with several app instances on one database: the scheduled
 * run holds ShedLock's lock, and as the backstop the move to FINAL locks the rows and changes only those
 * still in notice, and only the rows it moved get a star change, so a second runner finds nothing left to do.
 */
@Component
public class NoticeFinalizer {

    private static final Logger log = LoggerFactory.getLogger(NoticeFinalizer.class);

    private final NoticeRepository repository;
    private final AssessmentMoves moves;
    private final AuditService audit;
    private final Clock clock;
    private final DisplayZone zone;
    private final RetriedTransactions transactions;

    NoticeFinalizer(NoticeRepository repository, AssessmentMoves moves, AuditService audit, Clock clock, DisplayZone zone,
                    RetriedTransactions transactions) {
        this.transactions = transactions;
        this.repository = repository;
        this.moves = moves;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * The scheduled run, on one instance at a time; the cron is set by {@code qpb.notice.finalize-cron}
     * (hourly by default).
     */
    @Scheduled(cron = "${qpb.notice.finalize-cron:0 5 * * * *}", zone = "${qpb.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "notice-finalizer")
    public void scheduledRun() {
        int finalized = finalizeDue();
        if (finalized > 0) {
            log.info("Public notice ended: {} results made final", finalized);
        }
    }

    /** Makes final, in one transaction, every result whose notice ended before today and has no open objection; returns how many. */
    int finalizeDue() {
        // not @Transactional: the scheduled run calls this on the object itself, past any proxy. READ COMMITTED: a
        // runner that waited for another's locks sees its work done; two instances at once: the loser runs again
        return transactions.runReadCommitted("NoticeFinalizer.finalizeDue", status -> finalizeDueInTransaction());
    }

    private int finalizeDueInTransaction() {
        LocalDate today = LocalDate.now(clock.withZone(zone.zone()));
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        int finalized = 0;
        for (long batchId : repository.dueBatches(today)) {
            List<Long> moved = moves.moveAll(repository.finalizable(batchId), AssessmentState.IN_NOTICE, AssessmentState.FINAL,
                    StateMachine.Actor.SYSTEM, null, null);
            repository.applyStars(moved, now, today);
            repository.finalizeIfDone(batchId, now);
            Map<Long, Object> audited = new LinkedHashMap<>();
            moved.forEach(id -> audited.put(id, Map.of("state", AssessmentState.FINAL.name(), "noticeBatch", batchId)));
            audit.recordEach(AuditAction.ASSESSMENT_FINAL, "assessment", audited);
            finalized += moved.size();
        }
        return finalized;
    }
}
