package bbva.bench;

import bbva.video.VideoFrame;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.DataBufferByte;
import java.awt.image.Kernel;
import java.util.Random;

/** Renders jersey crops: a shirt of some colour with a number (or none) in a contrasting colour. */
public final class JerseyImages {
    public static final String[] FONTS = {Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED, Font.DIALOG};
    public static final Color[][] KITS = {
        {Color.WHITE, Color.BLACK}, {new Color(200, 20, 30), Color.WHITE}, {new Color(20, 40, 160), Color.WHITE},
        {new Color(250, 210, 40), new Color(90, 20, 120)}, {new Color(20, 110, 50), Color.WHITE},
        {Color.BLACK, new Color(240, 180, 0)}, {new Color(230, 230, 230), new Color(200, 20, 30)},
    };

    private JerseyImages() {
    }

    public static BufferedImage render(String number, int kit, String font, int height, boolean blur, double noise, long seed) {
        int width = (int) (height * 0.8);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(KITS[kit][0]);
        g.fillRect(0, 0, width, height);
        if (number != null) {
            g.setColor(KITS[kit][1]);
            g.setFont(new Font(font, Font.BOLD, (int) (height * 0.62)));
            FontMetrics m = g.getFontMetrics();
            g.drawString(number, (width - m.stringWidth(number)) / 2, (height + m.getAscent() - m.getDescent()) / 2);
        }
        g.dispose();
        if (blur) {
            float[] k = new float[9];
            java.util.Arrays.fill(k, 1f / 9);
            img = new ConvolveOp(new Kernel(3, 3, k), ConvolveOp.EDGE_NO_OP, null).filter(img, null);
        }
        if (noise > 0) {
            Random r = new Random(seed);
            byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < px.length; i++) {
                int v = (px[i] & 0xff) + (int) (r.nextGaussian() * noise);
                px[i] = (byte) Math.max(0, Math.min(255, v));
            }
        }
        return img;
    }

    /** A BufferedImage as a packed-BGR frame (a sub-image is copied: its buffer is its parent's). */
    public static VideoFrame toFrame(BufferedImage img) {
        BufferedImage bgr = img;
        if (img.getType() != BufferedImage.TYPE_3BYTE_BGR
                || ((DataBufferByte) img.getRaster().getDataBuffer()).getData().length != img.getWidth() * img.getHeight() * 3) {
            bgr = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            bgr.getGraphics().drawImage(img, 0, 0, null);
        }
        byte[] data = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        return new VideoFrame(0, bgr.getWidth(), bgr.getHeight(), data.clone());
    }
}
