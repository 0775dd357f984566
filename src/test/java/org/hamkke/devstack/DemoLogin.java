package org.hamkke.devstack;

/** The demo users of realm-config/dev/hamkke-users-0.json, one per role. */
public enum DemoLogin {
    APPLICANT("applicant"),
    ENTREPRENEUR("entrepreneur"),
    MENTOR("mentor"),
    REVIEWER("reviewer"),
    STAFF("staff"),
    ADMIN("admin");

    private final String username;

    DemoLogin(String username) {
        this.username = username;
    }

    public String role() {
        return username;
    }

    public String username() {
        return username;
    }

    public String password() {
        return username + "-demo-pass";
    }
}
