package cn.luohu.qpb.user;

import java.util.List;

/**
 * Why one account of a list cannot be created.
 *
 * @param index the account's position in the list, from 0
 * @param messageKey a translation key; {@code arguments} fill its placeholders
 */
public record UserProblem(int index, String username, String messageKey, List<Object> arguments) {

    public UserProblem {
        arguments = List.copyOf(arguments);
    }
}
