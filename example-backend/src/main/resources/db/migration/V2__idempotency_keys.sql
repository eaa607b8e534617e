-- The Idempotency-Key of a write, stored in the write's own transaction together with the answer
-- it got, so that a retry with the same key gets that answer instead of writing twice. Only writes
-- that succeeded are stored: after any other answer nothing was changed, and a retry runs again.
CREATE TABLE idempotency_keys (
  idempotency_key VARCHAR(200) PRIMARY KEY,
  fingerprint VARCHAR(64) NOT NULL,
  status INTEGER NOT NULL,
  body VARCHAR(20000),
  location VARCHAR(200),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
