package cn.luohu.qpb.assessment;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.util.Optional;

import static cn.luohu.qpb.jooq.Tables.ASSESSMENT;
import static cn.luohu.qpb.jooq.Tables.ASSESSMENT_CYCLE;

@Repository
class AssessmentRepository {

    private final DSLContext dsl;

    AssessmentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<AssessmentRef> ref(long id) {
        return dsl.select(ASSESSMENT.ID, ASSESSMENT.CYCLE_ID, ASSESSMENT.ORGANIZATION_ID, ASSESSMENT.STANDARD_ID,
                        ASSESSMENT.STATE, ASSESSMENT.STAR_AT_OPEN,
                        DSL.coalesce(ASSESSMENT.DEADLINE_EXTENDED_TO, ASSESSMENT_CYCLE.SELF_DEADLINE), ASSESSMENT.ROW_VERSION)
                .from(ASSESSMENT).join(ASSESSMENT_CYCLE).on(ASSESSMENT_CYCLE.ID.eq(ASSESSMENT.CYCLE_ID))
                .where(ASSESSMENT.ID.eq(id))
                .fetchOptional(r -> new AssessmentRef(r.value1(), r.value2(), r.value3(), r.value4(),
                        AssessmentState.valueOf(r.value5()), r.value6(), r.value7(), r.value8()));
    }
}
