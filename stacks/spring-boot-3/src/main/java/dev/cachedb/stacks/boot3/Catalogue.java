package dev.cachedb.stacks.boot3;

import java.util.ArrayList;
import java.util.List;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The shop's use cases, each one transaction; lookups go through the Redis caches. */
@Service
public class Catalogue {
  private final AuthorRepository authors;
  private final BookRepository books;

  Catalogue(AuthorRepository authors, BookRepository books) {
    this.authors = authors;
    this.books = books;
  }

  /** Saves every author and their books in one flush, which Hibernate sends as JDBC batches. */
  @Transactional
  public int seed(int authorCount, int booksPerAuthor) {
    List<Author> newAuthors = new ArrayList<>();
    List<Book> newBooks = new ArrayList<>();
    for (int a = 0; a < authorCount; a++) {
      Author author = new Author("author-" + a);
      newAuthors.add(author);
      for (int b = 0; b < booksPerAuthor; b++) {
        newBooks.add(new Book("book-" + a + "-" + b, 10 + b, author));
      }
    }
    authors.saveAll(newAuthors);
    books.saveAll(newBooks);
    return newBooks.size();
  }

  @Cacheable("books")
  @Transactional(readOnly = true)
  public String bookTitle(long id) {
    return books.findById(id).map(Book::getTitle).orElse("none");
  }

  @Cacheable("authors")
  @Transactional(readOnly = true)
  public String authorName(long id) {
    return authors.findById(id).map(Author::getName).orElse("none");
  }

  @Cacheable(cacheNames = "prices", cacheResolver = "localCaches")
  @Transactional(readOnly = true)
  public int bookPrice(long id) {
    return books.findById(id).map(Book::getPrice).orElse(-1);
  }

  /** Evicts one author: one DEL, one removal in Spring's statistics. */
  @CacheEvict(cacheNames = "authors")
  public void forgetAuthor(long id) {}

  @Transactional(readOnly = true)
  public int booksBy(String authorName) {
    return books.findByAuthorName(authorName).size();
  }

  @Transactional(readOnly = true)
  public long catalogueValue() {
    return books.catalogueValue();
  }

  /** Clears "books" as a price change would in a real shop: Spring sends KEYS, then one DEL. */
  @CacheEvict(cacheNames = "books", allEntries = true)
  @Transactional
  public int raisePrices(int delta, int below) {
    return books.raisePrices(delta, below);
  }

  @CacheEvict(cacheNames = "books", allEntries = true)
  @Transactional
  public int deleteDearerThan(int above) {
    return books.deleteDearerThan(above);
  }

  @Transactional(readOnly = true)
  public long countMissing() {
    return books.countMissing();
  }
}
