#!/usr/bin/env python3
"""Generate stand-in ONNX models with RF-DETR's exact I/O signature (input `input` [1,3,R,R];
outputs `dets` [1,Q,4] normalised cx,cy,w,h and `labels` [1,Q,C] raw logits).

Real RF-DETR weights cannot be downloaded in the build environment; these files let the tests run
the real ONNX Runtime path. Everything is deterministic:
  - dets and most logits are constants (BOXES / LOGITS below), so decoding can be asserted exactly;
  - the last query's logits for the last three classes are the per-channel means of the input
    tensor (channel 0, 1, 2), so a test can check colour order and ImageNet normalisation;
  - query 0's first listed class logit adds the mean over all channels, so scores change with the
    frame's content (a restart that seeks to the wrong frame changes the export).
`heavy` adds 3x3 convolutions at full 384x384 resolution (64 channels, ~11 GFLOP each, ~65 GFLOP
per frame) so a benchmark frame costs what RF-DETR-nano costs on a 2-core CPU (a few hundred ms);
its outputs follow the same rules.

Run with Debian's python3-onnx: /usr/bin/python3 models/standin/make_standins.py
"""
import os
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
Q = 12

# normalised cx, cy, w, h per query (queries 0..5 carry detections)
BOXES = [
    [0.25, 0.50, 0.10, 0.40],
    [0.50, 0.50, 0.20, 0.60],
    [0.75, 0.40, 0.05, 0.05],
    [0.10, 0.10, 0.10, 0.10],
    [0.90, 0.80, 0.10, 0.30],
    [0.60, 0.30, 0.08, 0.20],
] + [[0.5, 0.5, 0.1, 0.1]] * (Q - 6)


def logits_for(num_classes, hits):
    """hits: list of (query, class, logit); everything else is -10 (sigmoid ~ 4.5e-5)."""
    lg = np.full((1, Q, num_classes), -10.0, dtype=np.float32)
    for q, c, v in hits:
        lg[0, q, c] = v
    return lg


def build(name, resolution, num_classes, hits, input_name="input", out_names=("dets", "labels"),
          heavy_convs=0):
    nodes, inits = [], []
    x = helper.make_tensor_value_info(input_name, TensorProto.FLOAT, [1, 3, resolution, resolution])
    feat = input_name
    if heavy_convs:
        rng = np.random.default_rng(7)
        ch = 3
        for i in range(heavy_convs):
            out_ch = 64
            stride = 1
            w = (rng.standard_normal((out_ch, ch, 3, 3)) * 0.05).astype(np.float32)
            inits.append(numpy_helper.from_array(w, f"w{i}"))
            nodes.append(helper.make_node("Conv", [feat, f"w{i}"], [f"c{i}"], pads=[1, 1, 1, 1],
                                          strides=[stride, stride]))
            nodes.append(helper.make_node("Relu", [f"c{i}"], [f"r{i}"]))
            feat, ch = f"r{i}", out_ch
        # keep the heavy path alive but numerically negligible
        nodes.append(helper.make_node("ReduceMean", [feat], ["heavy_mean"], axes=[1, 2, 3], keepdims=0))
        inits.append(numpy_helper.from_array(np.array([1e-9], dtype=np.float32), "tiny"))
        nodes.append(helper.make_node("Mul", ["heavy_mean", "tiny"], ["heavy_term"]))

    # per-channel means of the input: [1,3]
    nodes.append(helper.make_node("ReduceMean", [input_name], ["ch_mean"], axes=[2, 3], keepdims=0))
    # scatter them into logits[0, Q-1, C-3..C-1] and their average into query 0's first hit class
    scatter = np.zeros((3, Q * num_classes), dtype=np.float32)
    for c in range(3):
        scatter[c, (Q - 1) * num_classes + num_classes - 3 + c] = 1.0
        q0, c0, _ = hits[0]
        scatter[c, q0 * num_classes + c0] = 1.0 / 3.0
    inits.append(numpy_helper.from_array(scatter, "scatter"))
    nodes.append(helper.make_node("MatMul", ["ch_mean", "scatter"], ["dyn_flat"]))
    inits.append(numpy_helper.from_array(np.array([1, Q, num_classes], dtype=np.int64), "lshape"))
    nodes.append(helper.make_node("Reshape", ["dyn_flat", "lshape"], ["dyn"]))
    inits.append(numpy_helper.from_array(logits_for(num_classes, hits), "const_logits"))
    if heavy_convs:
        nodes.append(helper.make_node("Add", ["const_logits", "heavy_term"], ["const_plus"]))
        nodes.append(helper.make_node("Add", ["const_plus", "dyn"], [out_names[1]]))
    else:
        nodes.append(helper.make_node("Add", ["const_logits", "dyn"], [out_names[1]]))
    inits.append(numpy_helper.from_array(np.array([BOXES], dtype=np.float32), "const_dets"))
    nodes.append(helper.make_node("Identity", ["const_dets"], [out_names[0]]))

    outs = [helper.make_tensor_value_info(out_names[0], TensorProto.FLOAT, [1, Q, 4]),
            helper.make_tensor_value_info(out_names[1], TensorProto.FLOAT, [1, Q, num_classes])]
    graph = helper.make_graph(nodes, name, [x], outs, inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)],
                              producer_name="bbva-standin")
    model.ir_version = 8
    onnx.checker.check_model(model)
    path = os.path.join(HERE, name + ".onnx")
    onnx.save(model, path)
    print(f"{path}: {os.path.getsize(path)} bytes")


# COCO ids: 1 person, 37 sports ball, 3 car (filtered out by default)
COCO_HITS = [(0, 1, 2.0), (1, 1, 1.0), (2, 37, 0.5), (3, 3, 3.0), (4, 1, -1.0), (5, 1, -3.0)]
build("rfdetr-standin-coco", 64, 91, COCO_HITS)
# fine-tuned basketball model, labels file beside it: 0 ball, 1 number, 2 player, 3 referee, 4 rim
BASKET_HITS = [(0, 2, 2.0), (1, 3, 1.0), (2, 0, 0.5), (3, 4, 3.0), (4, 1, 1.5), (5, 2, -3.0)]
build("rfdetr-standin-basketball", 64, 5 + 3, BASKET_HITS)
with open(os.path.join(HERE, "rfdetr-standin-basketball.labels"), "w") as f:
    f.write("ball\nnumber\nplayer\nreferee\nrim\n-\n-\n-\n")
# wrong signature: input and outputs named like a YOLO export
build("wrong-signature", 64, 91, COCO_HITS, input_name="images", out_names=("boxes", "scores"))
# realistic compute for benchmarks (RF-DETR-nano is 384x384)
build("rfdetr-standin-heavy", 384, 91, COCO_HITS, heavy_convs=7)
