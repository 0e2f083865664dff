package nl.sociallearning.workstation.ui.shell;

/** One row of the palette: a command, whether it could run when the palette opened, and how the query matched it. */
record PaletteEntry(Command command, boolean enabled, FuzzyMatch match) {
}
