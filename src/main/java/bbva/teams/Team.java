package bbva.teams;

/** A team found by kit colour: its id (1, 2, … lightest kit first), median torso colour in CIE Lab, and how much it covers. */
public record Team(int id, float l, float a, float b, int detections, int tracks) {
}
