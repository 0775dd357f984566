package org.hamkke.it;

/** Ventures and mentors written straight into the test database, for the incubation's tests. */
final class IncubationData {

    private IncubationData() {}

    /**
     * An accepted application of the call and its venture (what the intake's acceptance makes,
     * IntakeJourneyIT), with what matching reads; the member, when given, belongs to it.
     */
    static long venture(long call, long applicant, String name, String needs, String languages, String region, boolean inPerson)
            throws Exception {
        long application = IntakeData.id("""
                insert into application (call_id, applicant_id, applicant_kind, name, stage, created_at, updated_at, submitted_at, receipt,
                                         decision_message, decided_at)
                values (?, ?, 'COLLECTIVE', ?, 'ACCEPTED', now(), now(), now(), 'IT-' || gen_random_uuid(), 'Welcome', now()) returning id""",
                call, applicant, name);
        long venture = IntakeData.id("""
                insert into venture (application_id, name, region, needs, languages, wants_in_person, created_at)
                values (?, ?, ?, string_to_array(?, ','), string_to_array(?, ','), ?, now()) returning id""",
                application, name, region, needs, languages, inPerson);
        IntakeData.execute("insert into venture_member (venture_id, person_id, name, role) values (?, ?, ?, 'applicant')", venture, applicant, name);
        return venture;
    }

    /** A mentor's profile for a person. */
    static void mentor(long person, String expertise, String languages, String region, String mode, int cap) throws Exception {
        IntakeData.execute("""
                insert into mentor_profile (person_id, expertise, languages, region, mode, cap)
                values (?, string_to_array(?, ','), string_to_array(?, ','), ?, ?, ?)""", person, expertise, languages, region, mode, cap);
    }
}
