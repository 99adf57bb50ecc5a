"""Reports for readers and reviewers: how much of each source the package quotes
(`coverage`), the README's funding chart (`chart`) and data dictionary (`dictionary`)."""
