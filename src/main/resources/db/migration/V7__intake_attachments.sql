-- intake: files attached to an application's FILE questions. The bytes live on disk under
-- hamkke.files.dir/attachments (outside the web root), named by a random key; this row says whose
-- they are, what the content was found to be, and the checksum to prove they were not changed.
create table application_file (
    id             bigint generated always as identity primary key,
    application_id bigint      not null references application (id) on delete cascade,
    question_id    bigint      not null references call_question (id) on delete cascade,
    storage_key    text        not null unique,
    original_name  text        not null,
    media_type     text        not null,
    size_bytes     bigint      not null check (size_bytes > 0),
    sha256         text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    uploaded_at    timestamptz not null,
    -- One file per question: uploading again replaces it while the application is a draft.
    unique (application_id, question_id)
);
