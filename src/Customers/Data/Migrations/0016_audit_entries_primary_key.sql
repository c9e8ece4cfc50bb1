-- One index serves both uniqueness and the history reads (a record's entries in order): the separate primary key on
-- id cost a second btree insert for every field of every change.
ALTER TABLE audit_entries DROP CONSTRAINT audit_entries_pkey;
DROP INDEX audit_entries_resource;
ALTER TABLE audit_entries ADD PRIMARY KEY (tenant_id, resource_name, id);
