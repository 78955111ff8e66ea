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
`heavy` adds what RF-DETR-nano's compute is made of, so a benchmark frame costs what the real model
costs and scales across threads and partitions as it does: a 16x16 patch embedding (Conv) to 576
tokens of width 384, then 15 transformer blocks (LayerNorm, 6-head self-attention by MatMul +
Softmax, an MLP 384-1536-384), 2.55 GFLOP each, ~38 GFLOP in all, almost all in MatMul. The block
count is calibrated by time against the real RF-DETR-nano graph exported from its architecture
(~29 GFLOP, 27 in MatMul, less efficient kernels): on the 2-core build machine the real graph takes
~280 ms per call with 2 threads, ~460 ms with 1, and two 1-thread sessions side by side give 1.16x
the frames/s of one 2-thread session; this stand-in takes 270 ms, 471 ms and 1.15x. The block weights
are built from one random 384x384 matrix (Concat, folded once when the session loads), so the file
stays small (1.8 MB); the outputs follow the same rules as the other stand-ins.

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


D, HEADS, PATCH = 384, 6, 16


def transformer(nodes, inits, image, resolution, blocks):
    """Patch embedding and `blocks` pre-norm transformer blocks; returns the name of the last tokens tensor."""
    rng = np.random.default_rng(7)
    tokens = (resolution // PATCH) ** 2
    hd = D // HEADS
    inits.append(numpy_helper.from_array((rng.standard_normal((D, 3, PATCH, PATCH)) * 0.02).astype(np.float32), "patch_w"))
    inits.append(numpy_helper.from_array((rng.standard_normal((D, D)) / np.sqrt(D)).astype(np.float32), "w"))
    inits.append(numpy_helper.from_array(np.ones(D, dtype=np.float32), "ln_scale"))
    inits.append(numpy_helper.from_array(np.zeros(D, dtype=np.float32), "ln_bias"))
    inits.append(numpy_helper.from_array(np.array([1.0 / np.sqrt(hd)], dtype=np.float32), "att_scale"))
    inits.append(numpy_helper.from_array(np.array([tokens, D], dtype=np.int64), "tok_shape"))
    inits.append(numpy_helper.from_array(np.array([tokens, HEADS, hd], dtype=np.int64), "head_shape"))
    nodes.append(helper.make_node("Concat", ["w", "w", "w"], ["w_qkv"], axis=1))        # 384 x 1152
    nodes.append(helper.make_node("Concat", ["w", "w", "w", "w"], ["w_up"], axis=1))    # 384 x 1536
    nodes.append(helper.make_node("Concat", ["w", "w", "w", "w"], ["w_down"], axis=0))  # 1536 x 384
    nodes.append(helper.make_node("Conv", [image, "patch_w"], ["patches"], strides=[PATCH, PATCH]))
    nodes.append(helper.make_node("Reshape", ["patches", "tok_shape_t"], ["tok_t"]))
    inits.append(numpy_helper.from_array(np.array([D, tokens], dtype=np.int64), "tok_shape_t"))
    nodes.append(helper.make_node("Transpose", ["tok_t"], ["x0"], perm=[1, 0]))         # tokens x 384
    x = "x0"
    for b in range(blocks):
        p = f"b{b}_"
        nodes.append(helper.make_node("LayerNormalization", [x, "ln_scale", "ln_bias"], [p + "n1"], axis=-1))
        nodes.append(helper.make_node("MatMul", [p + "n1", "w_qkv"], [p + "qkv"]))
        nodes.append(helper.make_node("Split", [p + "qkv"], [p + "q", p + "k", p + "v"], axis=1))
        for t in ("q", "k", "v"):
            nodes.append(helper.make_node("Reshape", [p + t, "head_shape"], [p + t + "h"]))
        nodes.append(helper.make_node("Transpose", [p + "qh"], [p + "qt"], perm=[1, 0, 2]))   # heads x T x hd
        nodes.append(helper.make_node("Transpose", [p + "kh"], [p + "kt"], perm=[1, 2, 0]))   # heads x hd x T
        nodes.append(helper.make_node("Transpose", [p + "vh"], [p + "vt"], perm=[1, 0, 2]))
        nodes.append(helper.make_node("MatMul", [p + "qt", p + "kt"], [p + "s"]))
        nodes.append(helper.make_node("Mul", [p + "s", "att_scale"], [p + "ss"]))
        nodes.append(helper.make_node("Softmax", [p + "ss"], [p + "a"], axis=-1))
        nodes.append(helper.make_node("MatMul", [p + "a", p + "vt"], [p + "o"]))
        nodes.append(helper.make_node("Transpose", [p + "o"], [p + "ot"], perm=[1, 0, 2]))
        nodes.append(helper.make_node("Reshape", [p + "ot", "tok_shape"], [p + "oc"]))
        nodes.append(helper.make_node("MatMul", [p + "oc", "w"], [p + "proj"]))
        nodes.append(helper.make_node("Add", [x, p + "proj"], [p + "x1"]))
        nodes.append(helper.make_node("LayerNormalization", [p + "x1", "ln_scale", "ln_bias"], [p + "n2"], axis=-1))
        nodes.append(helper.make_node("MatMul", [p + "n2", "w_up"], [p + "up"]))
        nodes.append(helper.make_node("Relu", [p + "up"], [p + "act"]))
        nodes.append(helper.make_node("MatMul", [p + "act", "w_down"], [p + "down"]))
        nodes.append(helper.make_node("Add", [p + "x1", p + "down"], [p + "x2"]))
        x = p + "x2"
    return x


def build(name, resolution, num_classes, hits, input_name="input", out_names=("dets", "labels"),
          blocks=0):
    nodes, inits = [], []
    x = helper.make_tensor_value_info(input_name, TensorProto.FLOAT, [1, 3, resolution, resolution])
    if blocks:
        feat = transformer(nodes, inits, input_name, resolution, blocks)
        # keep the heavy path alive but numerically negligible
        nodes.append(helper.make_node("ReduceMean", [feat], ["heavy_mean"], axes=[0, 1], keepdims=0))
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
    if blocks:
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
build("rfdetr-standin-heavy", 384, 91, COCO_HITS, blocks=int(os.environ.get("HEAVY_BLOCKS", "15")))
