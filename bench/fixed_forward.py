#!/usr/bin/python3
"""Expected logits for ModelPiecesTest.fixedWeightForwardMatchesPyTorch (xeenet-worker).

Builds bench/torch_ref.py's GPT (1 layer, 2 heads, n_embd 8, context 4, vocab 5), sets every
parameter from the same formula as the Java test (FixedWeights.value, keyed by DJL's parameter
names), runs tokens [[0,1,2,3],[4,3,2,1]] and prints the 40 logits as a Java array literal.
  /usr/bin/python3 bench/fixed_forward.py
"""
import math
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_ref import Gpt  # noqa: E402

m = Gpt(5, 1, 2, 8, 4)
b = m.blocks[0]
djl = {
    "wte": m.wte.weight, "wpe": m.wpe,
    "02h0_01ln1_gamma": b.ln1.weight, "02h0_01ln1_beta": b.ln1.bias,
    "02h0_02attn_01qkv_weight": b.qkv.weight, "02h0_02attn_01qkv_bias": b.qkv.bias,
    "02h0_02attn_02proj_weight": b.aproj.weight, "02h0_02attn_02proj_bias": b.aproj.bias,
    "02h0_03ln2_gamma": b.ln2.weight, "02h0_03ln2_beta": b.ln2.bias,
    "02h0_04fc_weight": b.fc.weight, "02h0_04fc_bias": b.fc.bias,
    "02h0_05proj_weight": b.proj.weight, "02h0_05proj_bias": b.proj.bias,
    "03ln_f_gamma": m.ln_f.weight, "03ln_f_beta": m.ln_f.bias,
    "04head_weight": m.head.weight,
}
with torch.no_grad():
    for name, p in djl.items():
        flat = p.view(-1)
        for i in range(flat.numel()):
            s = 0.1 * math.sin(0.37 * i + 0.1 * len(name))
            flat[i] = 1.0 + s if name.endswith("gamma") else s
    logits = m(torch.tensor([[0, 1, 2, 3], [4, 3, 2, 1]]))
vals = ", ".join("%.7ff" % v for v in logits.reshape(-1).tolist())
print("static final float[] EXPECTED_LOGITS = {" + vals + "};")
