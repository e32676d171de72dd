package cn.luohu.qpb.assessment;

import cn.luohu.qpb.organization.OrganizationMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An assessment keeps its organisation's committee (the queue, notifications and every count per committee
 * read it), so a move of the organisation carries its assessments of cycles not yet closed to the new
 * committee, in the move's own transaction. A closed cycle keeps the committee that reviewed it.
 */
@Component
class CommitteeFollowsMoves {

    private final AssessmentRepository repository;

    CommitteeFollowsMoves(AssessmentRepository repository) {
        this.repository = repository;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void moved(OrganizationMoved event) {
        repository.followTree(event.newPath());
    }
}
