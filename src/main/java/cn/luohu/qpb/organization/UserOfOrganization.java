package cn.luohu.qpb.organization;

import java.util.List;

/** An account attached to an organisation, as its detail page lists it. */
public record UserOfOrganization(String username, String displayName, List<String> roles, boolean enabled) {
}
