"""Generated aggregated reports: every version kept, made in the background."""
