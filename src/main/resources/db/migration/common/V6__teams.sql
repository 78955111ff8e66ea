-- bbva schema v6: teams by kit colour (step "teams"), each track's team, and the team of each player row
CREATE TABLE teams (
    video_id BIGINT NOT NULL REFERENCES videos (id),
    team_id INT NOT NULL,
    color_l REAL NOT NULL,
    color_a REAL NOT NULL,
    color_b REAL NOT NULL,
    detections INT NOT NULL,
    tracks INT NOT NULL,
    PRIMARY KEY (video_id, team_id)
);

-- tracks without a row are "other": a referee, an outlier, or teams turned off
CREATE TABLE track_teams (
    video_id BIGINT NOT NULL REFERENCES videos (id),
    track_id INT NOT NULL,
    team_id INT NOT NULL,
    PRIMARY KEY (video_id, track_id)
);

ALTER TABLE players ADD COLUMN team_id INT;
