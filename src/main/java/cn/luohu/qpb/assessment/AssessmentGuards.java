package cn.luohu.qpb.assessment;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The guards of the assessment rows, for the cycle's close. A submit or an entry writes its assessment's row
 * (and checks the cycle is open); a close that bumps the same rows before it checks them conflicts with each
 * of them, also on another node of a cluster, where a lock on the cycle row alone holds nothing.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class AssessmentGuards {

    private final AssessmentRepository repository;

    AssessmentGuards(AssessmentRepository repository) {
        this.repository = repository;
    }

    /** Bumps the guard of every assessment of the cycle; the caller (the close) has checked its role. */
    public void guardAllOf(long cycleId) {
        repository.guardAllOf(cycleId);
    }
}
