package org.hamkke.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Stops the test stack once, when the whole test run ends (registered via META-INF/services). */
public class StackSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestStack.stop();
    }
}
