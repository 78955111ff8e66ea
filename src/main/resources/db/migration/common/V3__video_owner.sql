-- bbva schema v3: the job instance and execution whose analysis a videos row holds (one analysis per video at a time)
ALTER TABLE videos ADD COLUMN job_instance BIGINT;
ALTER TABLE videos ADD COLUMN job_execution BIGINT;
