package cn.luohu.qpb.user;

import cn.luohu.qpb.base.PortalException;

import java.util.List;

/** A list of accounts was refused as a whole; {@link #problems()} lists every reason, row by row. */
public class UsersRefusedException extends PortalException {

    private final transient List<UserProblem> problems;

    UsersRefusedException(List<UserProblem> problems) {
        super("user.error.bulk-refused", problems.size(), problems.getFirst().index() + 1,
                String.valueOf(problems.getFirst().username()));
        this.problems = List.copyOf(problems);
    }

    public List<UserProblem> problems() {
        return problems;
    }
}
