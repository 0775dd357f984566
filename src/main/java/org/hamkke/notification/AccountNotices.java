package org.hamkke.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import org.hamkke.identity.PersonSignedIn;
import org.hamkke.identity.Role;

/**
 * Greets a newcomer once, and tells a person about a role they were granted since their last
 * sign-in (a staff member made them a reviewer in Keycloak): what it is and where its area is.
 */
@ApplicationScoped
public class AccountNotices {

    @Inject
    NotificationService notifications;

    void onSignIn(@Observes PersonSignedIn signIn) {
        if (signIn.firstTime()) {
            notifications.notify(new NoticeEvent(signIn.personId(), NoticeKind.WELCOME, Map.of(), "welcome", "/me/"));
        }
        for (Role role : signIn.grantedRoles()) {
            // Keyed by role: granted, taken away and granted again is not news twice.
            notifications.notify(new NoticeEvent(signIn.personId(), NoticeKind.ROLE_GRANTED,
                    Map.of("roleKey", "role." + role.roleName()), "role-granted:" + role.roleName(), areaOf(role)));
        }
    }

    private static String areaOf(Role role) {
        return switch (role) {
            case APPLICANT -> "/me/";
            case ENTREPRENEUR -> "/venture/";
            case MENTOR -> "/mentor/";
            case REVIEWER -> "/reviewer/";
            case STAFF -> "/staff/";
            case ADMIN -> "/admin/";
        };
    }
}
