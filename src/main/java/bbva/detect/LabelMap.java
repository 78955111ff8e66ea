package bbva.detect;

import bbva.AnalysisException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Class id -> name. COCO checkpoints use COCO category ids (91 slots); fine-tuned models ship a labels file. */
public final class LabelMap {
    /** Classes kept when the user names none: people, the ball and jersey-number boxes, whatever the model calls them. */
    public static final Set<String> DEFAULT_CLASSES =
            Set.of("person", "player", "referee", "sports ball", "ball", "basketball", "number", "jersey number");

    private static final String UNUSED = "-";
    private static final String[] COCO = {
        UNUSED, "person", "bicycle", "car", "motorcycle", "airplane", "bus", "train", "truck", "boat",
        "traffic light", "fire hydrant", UNUSED, "stop sign", "parking meter", "bench", "bird", "cat",
        "dog", "horse", "sheep", "cow", "elephant", "bear", "zebra", "giraffe", UNUSED, "backpack",
        "umbrella", UNUSED, UNUSED, "handbag", "tie", "suitcase", "frisbee", "skis", "snowboard",
        "sports ball", "kite", "baseball bat", "baseball glove", "skateboard", "surfboard",
        "tennis racket", "bottle", UNUSED, "wine glass", "cup", "fork", "knife", "spoon", "bowl",
        "banana", "apple", "sandwich", "orange", "broccoli", "carrot", "hot dog", "pizza", "donut",
        "cake", "chair", "couch", "potted plant", "bed", UNUSED, "dining table", UNUSED, UNUSED,
        "toilet", UNUSED, "tv", "laptop", "mouse", "remote", "keyboard", "cell phone", "microwave",
        "oven", "toaster", "sink", "refrigerator", UNUSED, "book", "clock", "vase", "scissors",
        "teddy bear", "hair drier", "toothbrush"
    };

    private final List<String> names;
    private final String source;

    private LabelMap(List<String> names, String source) {
        this.names = List.copyOf(names);
        this.source = source;
    }

    public static LabelMap coco() {
        return new LabelMap(Arrays.asList(COCO), "coco");
    }

    /** One name per line, line number = class id; "-" or an empty line marks an unused id. */
    public static LabelMap fromFile(Path file) {
        try {
            List<String> names = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                String name = line.strip();
                names.add(name.isEmpty() ? UNUSED : name);
            }
            if (names.stream().allMatch(UNUSED::equals)) {
                throw new AnalysisException("Labels file " + file + " names no class; write one class name per line (line 1 = class 0).");
            }
            return new LabelMap(names, file.getFileName().toString());
        } catch (IOException e) {
            throw new AnalysisException("Cannot read labels file " + file + ": " + e.getMessage(), e);
        }
    }

    public int size() {
        return names.size();
    }

    public String source() {
        return source;
    }

    /** Name of a class id; ids outside the map get "class N" so nothing is silently dropped. */
    public String name(int classId) {
        if (classId >= 0 && classId < names.size() && !UNUSED.equals(names.get(classId))) {
            return names.get(classId);
        }
        return "class " + classId;
    }

    /** The class ids whose names are in {@code wanted} (case-insensitive); an unknown name is an error. */
    public boolean[] select(Set<String> wanted, boolean strict) {
        boolean[] keep = new boolean[Math.max(names.size(), 1)];
        Set<String> found = new TreeSet<>();
        for (int id = 0; id < names.size(); id++) {
            String n = names.get(id).toLowerCase(Locale.ROOT);
            for (String w : wanted) {
                if (n.equals(w.toLowerCase(Locale.ROOT))) {
                    keep[id] = true;
                    found.add(w.toLowerCase(Locale.ROOT));
                }
            }
        }
        if (strict) {
            for (String w : wanted) {
                if (!found.contains(w.toLowerCase(Locale.ROOT))) {
                    throw new AnalysisException("Class '" + w + "' is not known to the model (labels: " + source
                            + "); known classes: " + String.join(", ", knownNames()) + ".");
                }
            }
        }
        return keep;
    }

    /** The ids that have a name, in order: a contiguous class index of an 80-class COCO model maps to {@code usedIds()[index]}. */
    public int[] usedIds() {
        return java.util.stream.IntStream.range(0, names.size()).filter(id -> !UNUSED.equals(names.get(id))).toArray();
    }

    private List<String> knownNames() {
        return names.stream().filter(n -> !UNUSED.equals(n)).toList();
    }
}
