-- bbva schema v5: a person's torso colours, taken by the detect step (Appearance.encode: "L a b histogram")
ALTER TABLE detections ADD COLUMN appearance VARCHAR(128);
