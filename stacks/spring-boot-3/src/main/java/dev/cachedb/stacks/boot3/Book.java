package dev.cachedb.stacks.boot3;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Book {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE)
  private Long id;

  private String title;

  private int price;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private Author author;

  protected Book() {}

  public Book(String title, int price, Author author) {
    this.title = title;
    this.price = price;
    this.author = author;
  }

  public Long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public int getPrice() {
    return price;
  }
}
