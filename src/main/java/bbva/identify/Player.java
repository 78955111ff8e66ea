package bbva.identify;

/**
 * One tracked person, the jersey number its readings voted for (null: none read) and its team
 * (null: no team's, as a referee, or teams off).
 *
 * @param votes    readings that voted for the number
 * @param readings all readings of the track, with or without a number
 */
public record Player(int trackId, String number, float confidence, int votes, int readings, int framesSeen,
                     int firstFrame, int lastFrame, boolean shortTrack, Integer team) {
    /**
     * This player in team {@code t}. In a video whose kits were told apart, a track outside every team
     * is a referee or someone in a kit unlike both teams': no player, so it keeps no number (on the
     * shared NBA clip upscaled to 720p the right-hand referee's shirt read "9" three times).
     */
    public Player inTeam(Integer t, boolean videoHasTeams) {
        boolean player = t != null || !videoHasTeams;
        return new Player(trackId, player ? number : null, player ? confidence : 0f, player ? votes : 0, readings, framesSeen,
                firstFrame, lastFrame, shortTrack, t);
    }
}
