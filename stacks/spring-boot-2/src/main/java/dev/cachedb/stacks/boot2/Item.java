package dev.cachedb.stacks.boot2;

import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.ManyToOne;

@Entity
public class Item {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE)
  private Long id;

  private String name;

  private int stock;

  @ManyToOne(optional = false)
  private Shelf shelf;

  protected Item() {}

  public Item(String name, int stock, Shelf shelf) {
    this.name = name;
    this.stock = stock;
    this.shelf = shelf;
  }

  public String getName() {
    return name;
  }
}
