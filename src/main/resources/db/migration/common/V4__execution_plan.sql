-- bbva schema v4: how an analysis runs (fixed when prepare plans it, so a restart keeps its partitions), and why it failed
ALTER TABLE videos ADD COLUMN execution_mode VARCHAR(16) DEFAULT 'sequential' NOT NULL;
ALTER TABLE videos ADD COLUMN detect_partitions INT DEFAULT 1 NOT NULL;
-- why the latest execution failed, as its failed step said (a step inside a split cannot set the job's exit status)
ALTER TABLE videos ADD COLUMN failure VARCHAR(2000);
