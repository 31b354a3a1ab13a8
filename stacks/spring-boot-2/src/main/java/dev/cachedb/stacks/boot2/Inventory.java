package dev.cachedb.stacks.boot2;

import java.util.ArrayList;
import java.util.List;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The inventory's use cases, each one transaction; item lookups go through a Redis cache. */
@Service
public class Inventory {
  private final ShelfRepository shelves;
  private final ItemRepository items;

  Inventory(ShelfRepository shelves, ItemRepository items) {
    this.shelves = shelves;
    this.items = items;
  }

  /** One flush of shelves and items, which Hibernate sends as JDBC batches. */
  @Transactional
  public int seed(int shelfCount, int itemsPerShelf) {
    List<Shelf> newShelves = new ArrayList<>();
    List<Item> newItems = new ArrayList<>();
    for (int s = 0; s < shelfCount; s++) {
      Shelf shelf = new Shelf("shelf-" + s);
      newShelves.add(shelf);
      for (int i = 0; i < itemsPerShelf; i++) {
        newItems.add(new Item("item-" + s + "-" + i, i, shelf));
      }
    }
    shelves.saveAll(newShelves);
    items.saveAll(newItems);
    return newItems.size();
  }

  @Cacheable("items")
  @Transactional(readOnly = true)
  public String itemName(long id) {
    Item item = items.findById(id).orElse(null);
    return item == null ? "none" : item.getName();
  }

  @Transactional(readOnly = true)
  public long countOnShelf(String label) {
    return items.countOnShelf(label);
  }

  @CacheEvict(cacheNames = "items", allEntries = true)
  @Transactional
  public int restock(int delta) {
    return items.restock(delta);
  }

  @Transactional(readOnly = true)
  public long countMissing() {
    return items.countMissing();
  }
}
