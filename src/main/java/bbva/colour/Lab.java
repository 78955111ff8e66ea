package bbva.colour;

/** sRGB (D65) to CIE Lab: a colour space where distances follow what people see, for kit colours. */
public final class Lab {
    private static final double[] LINEAR = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            LINEAR[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
    }

    private Lab() {
    }

    public static float[] of(int red, int green, int blue) {
        float[] lab = new float[3];
        into(red, green, blue, lab, 0);
        return lab;
    }

    /** {@link #of} written to {@code out[at..at+2]}, for callers converting many colours into one array. */
    public static void into(int red, int green, int blue, float[] out, int at) {
        double r = LINEAR[red];
        double g = LINEAR[green];
        double b = LINEAR[blue];
        double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        out[at] = (float) (116 * fy - 16);
        out[at + 1] = (float) (500 * (fx - fy));
        out[at + 2] = (float) (200 * (fy - fz));
    }

    /** The sRGB colour of a Lab colour, each channel clamped to 0..255. */
    public static int[] toSrgb(double l, double a, double b) {
        double fy = (l + 16) / 116;
        double fx = fy + a / 500;
        double fz = fy - b / 200;
        double x = 0.95047 * finv(fx);
        double y = finv(fy);
        double z = 1.08883 * finv(fz);
        double[] lin = {3.2406 * x - 1.5372 * y - 0.4986 * z, -0.9689 * x + 1.8758 * y + 0.0415 * z,
                0.0557 * x - 0.2040 * y + 1.0570 * z};
        int[] rgb = new int[3];
        for (int i = 0; i < 3; i++) {
            double c = lin[i] <= 0.0031308 ? 12.92 * lin[i] : 1.055 * Math.pow(lin[i], 1 / 2.4) - 0.055;
            rgb[i] = (int) Math.max(0, Math.min(255, Math.round(c * 255)));
        }
        return rgb;
    }

    private static double finv(double t) {
        return t > 6.0 / 29 ? t * t * t : 3 * (6.0 / 29) * (6.0 / 29) * (t - 4.0 / 29);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }
}
