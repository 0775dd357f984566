-- identity: the realm roles a person held at their last sign-in, one row each (they were a
-- comma-separated text matched with "like"). Queries ask "who holds role R" (reviewers to assign,
-- mentors to match), served by the index on (role, person_id); the primary key serves "what does
-- this person hold".
create table person_role (
    person_id bigint not null references person (id) on delete cascade,
    role      text   not null check (role in ('applicant', 'entrepreneur', 'mentor', 'reviewer', 'staff', 'admin')),
    primary key (person_id, role)
);
create index person_role_holders on person_role (role, person_id);

insert into person_role (person_id, role)
select p.id, r.role
from person p, unnest(string_to_array(p.roles, ',')) as r(role)
where r.role in ('applicant', 'entrepreneur', 'mentor', 'reviewer', 'staff', 'admin')
on conflict do nothing;

alter table person drop column roles;
