#!/usr/bin/env Rscript
# Time sna::brokerage on an edge-list input, inside R (system.time), for bench_brokerage.py.
#   Rscript sna_time_brokerage.R EDGES.csv GROUPS.csv N
# EDGES.csv: 0-based integer columns source,target; GROUPS.csv: one column group (node order).
# Prints: elapsed seconds, then the graph-level raw counts (w_I w_O b_IO b_OI b_O t).
suppressPackageStartupMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
e <- read.csv(args[1])
cl <- read.csv(args[2])$group
N <- as.integer(args[3])
el <- cbind(e$source + 1, e$target + 1, 1)
attr(el, "n") <- N
attr(el, "vnames") <- seq_len(N)
tm <- system.time(b <- brokerage(el, cl))
cat(sprintf("%.6f\n", tm[["elapsed"]]))
cat(sprintf("%.17g", b$raw.gli), "\n")
