package com.example;

import dev.asyncmodel.AsyncModel;

@AsyncModel
class OrderLine {
  Long id;
}
