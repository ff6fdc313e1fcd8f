-- The audit trail becomes tamper-evident: each row keeps the SHA-256 (hex) of the row before it
-- together with its own content (hall-audit-chain.c has the encoding). SQLite cannot compute it,
-- so the migration runner chains the rows already here, in id order, in this same transaction.
ALTER TABLE audit ADD COLUMN hash TEXT;
