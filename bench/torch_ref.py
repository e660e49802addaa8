#!/usr/bin/python3
"""PyTorch reference for `./xeenet bench train` (issue 4).

The same char-level GPT as the worker's DJL trainer (token + position embeddings, pre-norm blocks
with fused-qkv causal self-attention and a 4x GELU MLP, final LayerNorm, bias-free head, no
dropout), AdamW with decay on matrices only, global-norm clip 1.0, cross-entropy; trained on random
windows of the text. Prints one JSON line: {"config","threads","tokens_per_s",...}.

Run with Debian's python3-torch (1.13, BLAS through the system's libblas.so.3 = OpenBLAS):
  OPENBLAS_NUM_THREADS=2 /usr/bin/python3 bench/torch_ref.py --config small --threads 2
No network access.
"""
import argparse
import json
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

CONFIGS = {
    "tiny": dict(n_layer=2, n_head=2, n_embd=64, block_size=64, batch_size=16),
    "small": dict(n_layer=4, n_head=4, n_embd=128, block_size=64, batch_size=16),
    "medium": dict(n_layer=6, n_head=8, n_embd=256, block_size=128, batch_size=16),
}


class Block(nn.Module):
    def __init__(self, d, h):
        super().__init__()
        self.h = h
        self.ln1 = nn.LayerNorm(d)
        self.qkv = nn.Linear(d, 3 * d)
        self.aproj = nn.Linear(d, d)
        self.ln2 = nn.LayerNorm(d)
        self.fc = nn.Linear(d, 4 * d)
        self.proj = nn.Linear(4 * d, d)

    def forward(self, x, mask):
        b, t, d = x.shape
        hd = d // self.h
        qkv = self.qkv(self.ln1(x)).view(b, t, 3, self.h, hd).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(hd)) + mask[:t, :t]
        y = att.softmax(-1) @ v
        y = y.transpose(1, 2).reshape(b, t, d)
        x = x + self.aproj(y)
        return x + self.proj(F.gelu(self.fc(self.ln2(x))))


class Gpt(nn.Module):
    def __init__(self, vocab, n_layer, n_head, n_embd, block_size):
        super().__init__()
        self.wte = nn.Embedding(vocab, n_embd)
        self.wpe = nn.Parameter(torch.zeros(block_size, n_embd))
        self.blocks = nn.ModuleList([Block(n_embd, n_head) for _ in range(n_layer)])
        self.ln_f = nn.LayerNorm(n_embd)
        self.head = nn.Linear(n_embd, vocab, bias=False)
        mask = torch.full((block_size, block_size), -1e9).triu(1)
        self.register_buffer("mask", mask)
        for n, p in self.named_parameters():
            if p.dim() >= 2:
                nn.init.normal_(p, 0.0, 0.02)

    def forward(self, idx):
        t = idx.shape[1]
        x = self.wte(idx) + self.wpe[:t]
        for blk in self.blocks:
            x = blk(x, self.mask)
        return self.head(self.ln_f(x))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", required=True, choices=sorted(CONFIGS))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--steps", type=int, default=60)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--dataset", default="datasets/tinyshakespeare.txt")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1337)
    c = CONFIGS[a.config]
    text = open(a.dataset, encoding="utf-8").read()
    chars = sorted(set(text))
    stoi = {ch: i for i, ch in enumerate(chars)}
    data = torch.tensor([stoi[ch] for ch in text[: int(len(text) * 0.9)]], dtype=torch.long)
    b, t = c["batch_size"], c["block_size"]
    model = Gpt(len(chars), c["n_layer"], c["n_head"], c["n_embd"], t)
    decay = [p for p in model.parameters() if p.dim() >= 2]
    no_decay = [p for p in model.parameters() if p.dim() < 2]
    opt = torch.optim.AdamW(
        [{"params": decay, "weight_decay": 0.1}, {"params": no_decay, "weight_decay": 0.0}],
        lr=1e-3, betas=(0.9, 0.99))
    g = torch.Generator().manual_seed(7)

    def step():
        ix = torch.randint(len(data) - t - 1, (b,), generator=g)
        x = torch.stack([data[i:i + t] for i in ix])
        y = torch.stack([data[i + 1:i + t + 1] for i in ix])
        logits = model(x)
        loss = F.cross_entropy(logits.view(-1, logits.size(-1)), y.view(-1))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        return loss.item()

    for _ in range(a.warmup):
        step()
    t0 = time.perf_counter()
    c0 = time.process_time()  # CPU seconds of all threads: a figure that load barely changes
    for _ in range(a.steps):
        loss = step()
    dt = time.perf_counter() - t0
    dc = time.process_time() - c0
    print(json.dumps({
        "config": a.config, "threads": a.threads, "engine": "pytorch " + torch.__version__,
        "tokens_per_s": round(a.steps * b * t / dt, 1), "steps": a.steps, "seconds": round(dt, 3),
        "tokens_per_cpu_s": round(a.steps * b * t / dc, 1) if dc > 0 else None,
        "cpu_seconds": round(dc, 3), "loss": round(loss, 4)}))


if __name__ == "__main__":
    main()
