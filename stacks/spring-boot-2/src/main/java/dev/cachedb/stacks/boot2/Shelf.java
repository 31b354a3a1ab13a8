package dev.cachedb.stacks.boot2;

import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;

@Entity
public class Shelf {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE)
  private Long id;

  private String label;

  protected Shelf() {}

  public Shelf(String label) {
    this.label = label;
  }
}
