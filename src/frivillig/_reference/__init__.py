"""Reference data the model checks against: the 98 municipalities and their regions."""
