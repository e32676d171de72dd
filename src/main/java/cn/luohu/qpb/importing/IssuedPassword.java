package cn.luohu.qpb.importing;

/** A one-time password handed to the administrator once, for a user the import created. */
public record IssuedPassword(String username, String displayName, String organizationName, String password) {

    @Override
    public String toString() {
        return "IssuedPassword[" + username + ", password hidden]";
    }
}
