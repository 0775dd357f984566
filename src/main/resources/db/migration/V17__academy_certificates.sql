-- academy: certificates (issue 12). A completed enrolment gets one certificate: a verification code
-- printed on the PDF, a bit in a revocation status list, and the Open Badges 3.0 credential signed
-- as a VC-JWT. The rules live in academy.Certificate and academy.Certificates; this migration holds
-- what the database must guarantee whatever the Java does: one certificate per enrolment however
-- many triggers issue it at once (the completion's event, the sweep job, staff), codes and status
-- bits never shared, only completers certified, and a certificate never changed once issued
-- except by revoking it, once.

-- 1. The key credentials are signed with, shared by every instance. Generated once, under an
--    advisory lock, by the first instance that needs it (academy.CredentialKeyStore), unless the
--    configuration gives one (hamkke.academy.credentials.signing-jwk); never logged. Earlier keys
--    stay, retired, so that credentials they signed still verify.
create table credential_key (
    id          integer     generated always as identity primary key,
    kid         text        not null unique check (kid ~ '^https?://'),
    private_jwk text        not null,
    created_at  timestamptz not null,
    retired_at  timestamptz
);
-- One key signs at a time.
create unique index credential_key_current on credential_key ((true)) where retired_at is null;

-- 2. Certificates. What was certified is kept as it was printed and signed (name, course, cohort,
--    days, language), so the PDF rendered on request says exactly what the credential says, however
--    the course or the person's name change later.
create table certificate (
    id             bigint      generated always as identity primary key,
    enrolment_id   bigint      not null references enrolment (id),
    person_id      bigint      not null references person (id),
    cohort_id      bigint      not null references cohort (id),
    -- printed on the PDF and in the QR code's address: 80 random bits in Crockford's base 32
    code           text        not null check (code ~ '^HK(-[0-9A-HJKMNP-TV-Z]{4}){4}$'),
    -- the credential's id (a name-based UUID of the code): a pasted credential finds its certificate
    credential_id  text        not null check (credential_id ~ '^urn:uuid:'),
    language       text        not null check (language in ('en', 'ar', 'fr', 'id', 'ur')),
    holder_name    text        not null check (length(holder_name) between 1 and 300),
    course_title   text        not null check (length(course_title) between 1 and 500),
    cohort_name    text        not null check (length(cohort_name) between 1 and 300),
    starts_on      date        not null,
    ends_on        date        not null check (ends_on >= starts_on),
    issued_at      timestamptz not null,
    -- which trigger issued it: the completion itself, the sweep job (the backstop), or staff
    issued_through text        not null check (issued_through in ('COMPLETION', 'SWEEP', 'STAFF')),
    -- the certificate's bit in a revocation list (W3C Bitstring Status List, 131,072 bits a list)
    status_list    integer     not null check (status_list >= 1),
    status_index   integer     not null check (status_index between 0 and 131071),
    -- the signed Open Badges credential (compact JWS)
    credential     text        not null check (length(credential) <= 16384),
    revoked_at     timestamptz,
    revoked_by     bigint      references person (id),
    revoked_reason text        check (length(revoked_reason) <= 1000),
    version        bigint      not null default 0,
    constraint certificate_one_per_enrolment unique (enrolment_id),
    constraint certificate_code unique (code),
    constraint certificate_credential unique (credential_id),
    constraint certificate_status_bit unique (status_list, status_index),
    constraint certificate_revoked check ((revoked_at is null) = (revoked_reason is null)),
    constraint certificate_revoked_by check (revoked_at is not null or revoked_by is null)
);
create index certificate_person on certificate (person_id, issued_at desc);
create index certificate_cohort on certificate (cohort_id, id);
-- The status list reads the revoked bits of one list.
create index certificate_revoked on certificate (status_list, status_index) where revoked_at is not null;
-- The sweep looks for completed enrolments without a certificate.
create index enrolment_completed on enrolment (id) where status = 'COMPLETED';

-- Only a completer is certified, for the enrolment's own person and cohort; once issued, a
-- certificate only changes by being revoked, once (its signed credential says what it says for good).
create function academy_certificate_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        if not exists (select 1 from enrolment e where e.id = new.enrolment_id and e.status = 'COMPLETED'
                       and e.person_id = new.person_id and e.cohort_id = new.cohort_id) then
            raise exception 'A certificate is for a completed enrolment, of its person and cohort' using errcode = 'check_violation';
        end if;
        return new;
    end if;
    if old.revoked_at is not null then
        raise exception 'A revoked certificate stays revoked' using errcode = 'check_violation';
    end if;
    if (new.enrolment_id, new.person_id, new.cohort_id, new.code, new.credential_id, new.language, new.holder_name,
        new.course_title, new.cohort_name, new.starts_on, new.ends_on, new.issued_at, new.issued_through, new.status_list,
        new.status_index, new.credential)
       is distinct from
       (old.enrolment_id, old.person_id, old.cohort_id, old.code, old.credential_id, old.language, old.holder_name,
        old.course_title, old.cohort_name, old.starts_on, old.ends_on, old.issued_at, old.issued_through, old.status_list,
        old.status_index, old.credential) then
        raise exception 'A certificate is not changed once issued; revoke it instead' using errcode = 'check_violation';
    end if;
    return new;
end $$;
create trigger certificate_guard before insert or update on certificate
    for each row execute function academy_certificate_guard();
