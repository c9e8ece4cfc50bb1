-- Postal addresses of accounts and contacts, as {"regionCode": "GB", "postalCode": "SW1A 1AA", ...}.
ALTER TABLE accounts ADD COLUMN address jsonb;
ALTER TABLE contacts ADD COLUMN address jsonb;
