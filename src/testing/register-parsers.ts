// Registers the real parsers for the code inputs of rule fixtures. Parsers arrive with the IaC work; until then
// fixtures use live inputs only.
export {};
