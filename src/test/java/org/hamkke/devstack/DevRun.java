package org.hamkke.devstack;

import java.nio.file.Path;

/**
 * {@code mvn -Pdev package}: starts PostgreSQL, Keycloak and the portal with demo data, prints
 * where everything is and the demo logins, and stops it all on Ctrl-C. Data lives in data/ (git
 * ignores it) and survives restarts; delete the folder to start afresh.
 */
public final class DevRun {

    /** Held, so the level sticks: embedded PostgreSQL's start-up chatter would bury the banner. */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("io.zonky");

    public static void main(String[] args) throws Exception {
        QUIET.setLevel(java.util.logging.Level.WARNING);
        Path dataDir = Path.of(System.getProperty("hamkke.project.dir"), "data");
        var settings = new Stack.Settings(
                dataDir,
                Ports.configured("hamkke.dev.postgres-port", 15432),
                Ports.configured("hamkke.dev.keycloak-port", 8180),
                Ports.configured("hamkke.dev.keycloak-management-port", 9180),
                Ports.configured("hamkke.dev.portal-port", 8080),
                Ports.configured("hamkke.dev.smtp-port", 3025),
                Ports.configured("hamkke.dev.imap-port", 3143),
                true,
                true,
                false);
        Stack stack = new Stack(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Hamkke...");
            try {
                stack.close();
            } catch (Exception e) {
                System.err.println("While stopping: " + e.getMessage());
            }
            System.out.println("Stopped. Your data is kept in " + dataDir);
        }, "hamkke-stop"));

        System.out.println("Starting Hamkke: PostgreSQL, then Keycloak (about 30 s the first time), then the portal...");
        long started = System.nanoTime();
        stack.start();
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        System.out.println(banner(stack, seconds));
        Thread.currentThread().join();
    }

    static String banner(Stack stack, long seconds) {
        StringBuilder out = new StringBuilder()
                .append("\n================================================================\n")
                .append(" Hamkke is running (started in ").append(seconds).append(" s)\n\n")
                .append("   Portal          ").append(stack.portal().baseUrl()).append("/\n")
                .append("   Health          ").append(stack.portal().baseUrl()).append("/health/ready\n")
                .append("   Keycloak admin  ").append(stack.keycloak().baseUrl()).append("/admin/  (")
                .append(Keycloak.ADMIN_USER).append(" / ").append(Keycloak.ADMIN_PASSWORD).append(")\n")
                .append("   PostgreSQL      ").append(stack.postgres().jdbcUrl()).append("  (user postgres)\n")
                .append("   Mail (caught)   ").append(stack.mail().emlDir()).append("  (one .eml file per mail)\n")
                .append("                   IMAP localhost:").append(stack.mail().imapPort())
                .append(" (user and password: the recipient's address), SMTP localhost:").append(stack.mail().smtpPort()).append("\n")
                .append("   Logs            ").append(stack.portal().log()).append("\n")
                .append("                   ").append(stack.keycloak().log()).append("\n\n")
                .append(" Demo logins (username / password):\n");
        for (DemoLogin login : DemoLogin.values()) {
            out.append(String.format("   %-13s %-13s / %s%n", login.role(), login.username(), login.password()));
        }
        return out.append("\n Anyone can also register on the sign-in page (role: applicant).\n")
                .append(" Press Ctrl-C to stop everything.\n")
                .append("================================================================\n")
                .toString();
    }
}
