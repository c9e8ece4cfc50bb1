-- The duplicate scan pairs similar names in memory, block by block (read sorted by email domain and by company), instead
-- of one trigram index lookup per record: these indexes of its blocking keys are no longer read. The create-time check
-- keeps its own (accounts_name_key_trgm, contacts_name_key_trgm).
DROP INDEX accounts_email_domain_name_trgm;
DROP INDEX accounts_company_domain_name_trgm;
DROP INDEX accounts_domain;
DROP INDEX contacts_email_domain_name_trgm;
DROP INDEX contacts_account_name_trgm;
DROP EXTENSION btree_gin;
