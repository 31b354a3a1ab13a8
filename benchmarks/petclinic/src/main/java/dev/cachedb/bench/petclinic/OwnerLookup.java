package dev.cachedb.bench.petclinic;

import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The cached half of an owner page, and the update that writes through the cache. */
@Service
class OwnerLookup {
  static final String CACHE = "owners";

  private final OwnerRepository owners;

  OwnerLookup(OwnerRepository owners) {
    this.owners = owners;
  }

  @Cacheable(cacheNames = CACHE, unless = "#result == null")
  @Transactional(readOnly = true)
  public OwnerView find(int id) {
    return owners.findWithPets(id).map(Owner::view).orElse(null);
  }

  /** A SELECT, an UPDATE at commit, and a Redis SET of the new view. */
  @CachePut(cacheNames = CACHE, key = "#id", unless = "#result == null")
  @Transactional
  public OwnerView changeTelephone(int id, String telephone) {
    return owners
        .findWithPets(id)
        .map(
            owner -> {
              owner.telephone = telephone;
              return owner.view();
            })
        .orElse(null);
  }
}
