package com.example;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Id;

@AsyncModel
record Order(@Id Long id, String reference) {}

class Orders {}
