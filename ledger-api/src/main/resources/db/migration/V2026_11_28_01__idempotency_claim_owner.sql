-- Which running service instance claimed a key (ServiceInstance): a claim whose instance no longer holds its
-- advisory lock belongs to a process that died, and a retry may take it over at once instead of after 5 minutes.
ALTER TABLE idempotency_key ADD COLUMN instance_id BIGINT;
