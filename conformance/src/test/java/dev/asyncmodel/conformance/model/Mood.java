package dev.asyncmodel.conformance.model;

/** An enum column, stored by name. */
public enum Mood {
  HAPPY,
  CALM,
  GRUMPY
}
