# Freeman centralization as R's sna computes it (oracle for netcrime.covert.centralization).
# Usage: Rscript sna_centralization.R EDGES_DIR CASES.csv OUT.csv
# CASES.csv: case,n ; EDGES_DIR/<case>.csv: source,target (0-based, undirected edges).
suppressMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
cases <- read.csv(args[2], stringsAsFactors = FALSE)
out <- data.frame()
for (i in seq_len(nrow(cases))) {
  n <- cases$n[i]
  e <- read.csv(file.path(args[1], paste0(cases$case[i], ".csv")))
  a <- matrix(0, n, n)
  a[cbind(e$source + 1, e$target + 1)] <- 1
  a[cbind(e$target + 1, e$source + 1)] <- 1
  out <- rbind(out, data.frame(
    case = cases$case[i],
    degree = centralization(a, degree, mode = "graph"),
    betweenness = centralization(a, betweenness, mode = "graph"),
    closeness = centralization(a, closeness, mode = "graph")
  ))
}
write.csv(format(out, digits = 17), args[3], row.names = FALSE, quote = FALSE)
